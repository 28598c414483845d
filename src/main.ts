import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/noto-sans-sc/400.css';
import './ui/app.css';
import App from './ui/App.svelte';

mount(App, { target: document.getElementById('app')! });
