// esbuild bundles CSS files imported from TypeScript as text (see scripts/build.mjs).
declare module '*.css' {
  const text: string;
  export default text;
}
