import admin from './admin.ts';
import contentApi from './content-api.ts';

export default { 'content-api': contentApi, admin };
