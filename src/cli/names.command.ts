import { runNamesCompare, runNamesEval } from '../matching/cli';
import type { Command } from './command';

export const namesCompareCommand: Command = {
  summary: 'compare two names: score, decision and the reason',
  run: async ({ positionals }) => {
    const [first, second] = positionals;
    if (first === undefined || second === undefined) {
      console.error('usage: mosaic names compare "NAME A" "NAME B"');
      return 1;
    }
    console.log(runNamesCompare(first, second));
    return 0;
  },
};

export const namesEvalCommand: Command = {
  summary: 'evaluate the name matcher on a JSONL file of labelled pairs',
  run: async ({ positionals }) => {
    const [file] = positionals;
    if (!file) {
      console.error('usage: mosaic names eval FILE.jsonl');
      return 1;
    }
    const result = await runNamesEval(file);
    console.log(result.text);
    return 0;
  },
};
