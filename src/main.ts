import { setWorkerUrl } from 'maplibre-gl';
// Vite must emit MapLibre's worker as its own file; a plain import leaves the map blank (DESIGN.md 5b).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/noto-sans-sc/400.css';
import './ui/app.css';
import App from './ui/App.svelte';

setWorkerUrl(workerUrl);
mount(App, { target: document.getElementById('app')! });
