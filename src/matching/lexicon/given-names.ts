/**
 * Given names of the region as cognate groups. Each line is one name across languages
 * and scripts (spelling variants, cognates, Greek colloquial forms); the gender is the
 * group's. Two names in different groups are different names, even a letter apart
 * (Nikola/Nikolina, Marko/Mirko, Emin/Emir). Forms are written in their own orthography;
 * transliterations of these forms need not be listed, the matcher derives them.
 */
import { EXTRA_FEMALE, EXTRA_MALE } from './given-names-extra';
import { FEMALE } from './given-names-female';
import { MALE } from './given-names-male';

export type Gender = 'm' | 'f';

export interface GivenNameGroup {
  gender: Gender;
  forms: string[];
}

function group(gender: Gender, forms: string): GivenNameGroup {
  return { gender, forms: forms.split(/\s+/u).filter(Boolean) };
}

function parseGroups(gender: Gender, block: string): GivenNameGroup[] {
  return block.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => group(gender, line));
}

export const GIVEN_NAME_GROUPS: GivenNameGroup[] = [
  ...parseGroups('m', MALE), ...parseGroups('f', FEMALE), ...parseGroups('m', EXTRA_MALE), ...parseGroups('f', EXTRA_FEMALE),
];
