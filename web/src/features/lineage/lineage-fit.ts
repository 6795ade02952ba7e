import type { FitViewOptions } from '@xyflow/react';

/**
 * How the lineage graph fits its box, on first draw and with the fit button: never above natural
 * size, so a script of two tables shows two table-sized cards in the middle instead of blowing
 * them up to fill the screen; a large graph still zooms out (to minZoom) to fit whole.
 */
export const LINEAGE_FIT_VIEW: FitViewOptions = { maxZoom: 1, minZoom: 0.1, padding: 0.15 };
