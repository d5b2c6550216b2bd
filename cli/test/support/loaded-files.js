// Preload for tests: at exit, prints on stderr the files of JavaScript the process loaded, one per line after a marker.
process.on('exit', () => process.stderr.write(`LOADED\n${Object.keys(require.cache).join('\n')}\n`));
