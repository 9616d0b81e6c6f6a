// Loaded by Vite from its root (renderer/). One job: the CSP's `font-src 'self'` forbids `data:`
// fonts, and bootstrap-italia's CSS embeds one (VideoJS's icon font, for a video player we never
// use). Chromium fetches a data: font as soon as the rule is parsed, so the rule itself must go:
// every @font-face whose src holds a data: URL is removed at build time.
const stripDataFonts = {
  postcssPlugin: 'cst-strip-data-fonts',
  AtRule: {
    'font-face': (rule) => {
      let inline = false;
      rule.walkDecls('src', (decl) => {
        if (/url\(\s*['"]?data:/i.test(decl.value)) inline = true;
      });
      if (inline) rule.remove();
    },
  },
};

export default { plugins: [stripDataFonts] };
