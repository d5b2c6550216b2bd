import path from 'node:path';

/**
 * The directory the user ran the command in. `npm run` and `npm start` run a script in its
 * package's folder and say where npm itself was started in INIT_CWD; that is trusted only while
 * we are that script (the process is still in the folder of the package npm names in
 * npm_package_json), since a script that changes directory and runs `mercato` again passes the
 * same INIT_CWD on to a process started somewhere else.
 */
export function userDirectory(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const startedByNpmHere = env.INIT_CWD && env.npm_package_json && path.dirname(env.npm_package_json) === cwd;
  return startedByNpmHere ? env.INIT_CWD! : cwd;
}

/** A path the user gave (option, argument or variable), absolute, relative to where they ran the command. */
export function userPath(given: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return path.resolve(userDirectory(env, cwd), given);
}
