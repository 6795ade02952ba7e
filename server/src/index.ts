export { buildApp } from './app.js';
export { createServices, type Services } from './services.js';
export { loadConfig, type WeirConfig } from './config/config.js';
