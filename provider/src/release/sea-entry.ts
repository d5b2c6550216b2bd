/**
 * The script of the provider's single executable (single-executable.ts). With a start-up snapshot
 * this runs when the executable is BUILT: it loads the provider's code into the heap the snapshot
 * keeps and names `main` as what runs at each launch; environment, argv and certificates are
 * read only then. Without one it runs at launch and calls `main` at once.
 */
import { startupSnapshot } from 'node:v8';
import { serve } from '../framework';
import { mercatoProvider } from '../provider';

const main = () => serve(mercatoProvider, process.argv.slice(2));

if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(main);
else main();
