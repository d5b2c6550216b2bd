import { exitQuietlyWhenReaderCloses } from './closed-pipe';
import { noteNpmHeader } from './npm-header';
import { buildProgram } from './program';

exitQuietlyWhenReaderCloses();
const npmHeader = noteNpmHeader();
if (npmHeader) process.stderr.write(`${npmHeader}\n`);

buildProgram()
  .parseAsync(process.argv)
  .catch((error: Error) => {
    process.stderr.write(`mercato: ${error.message}\n`);
    process.exit(1);
  });
