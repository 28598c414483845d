import { LABEL_FONT } from './region-style.ts';

/**
 * The label font is split into unicode-range files that the browser fetches only for characters
 * it meets; MapLibre rasterises labels with whatever is loaded when it lays them out, so the
 * files covering the labels' characters must be loaded first.
 */
export async function loadLabelFont(texts: Iterable<string>): Promise<void> {
  const chars = [...new Set([...texts].join(''))].join('');
  if (!chars || typeof document === 'undefined' || !('fonts' in document)) return;
  await document.fonts.load(`16px "${LABEL_FONT}"`, chars);
}
