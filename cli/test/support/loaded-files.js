// Preload for tests: at exit, prints on stderr the files of JavaScript the process loaded, one per
// line after a marker, then the Node built-in modules it loaded on one line after another.
process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter((name) => name.startsWith('NativeModule '))
    .map((name) => name.slice(13));
  process.stderr.write(`LOADED\n${Object.keys(require.cache).join('\n')}\nBUILTINS ${builtins.join(' ')}\n`);
});
