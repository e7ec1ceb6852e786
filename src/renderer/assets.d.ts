/** Images imported by components become URLs, resolved by the bundler. */
declare module '*.svg' {
  const url: string;
  export default url;
}
