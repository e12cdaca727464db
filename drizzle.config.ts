import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations from src/store/schema.ts (`npm run db:generate`);
// the server applies them itself at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
});
