/** Display settings (fonts, colours, images): defined with the renderer that applies them. */
export { Branding, defaultBranding } from '@enroute/content';
