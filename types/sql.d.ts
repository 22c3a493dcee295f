// Migrations are bundled as text (esbuild loader in scripts/build-main.mjs, a vite plugin in vitest).
declare module '*.sql' {
  const text: string;
  export default text;
}
