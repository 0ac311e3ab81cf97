import fs from 'node:fs';
import path from 'node:path';
import { test as setup } from '@playwright/test';
import { demoSignIns, signIn, storageStatePath, storageStatePathOf } from './support/demo';

// Every demo role signs in through the web app, second factor included, once; the journeys
// reuse these sessions.
setup('every demo user signs in with the second factor', async ({ browser }) => {
  setup.setTimeout(240_000);
  const rolesDone = new Set<string>();
  for (const user of demoSignIns()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    const files = [storageStatePath(user.role, user.economy), storageStatePathOf(user.email)];
    if (!rolesDone.has(user.role)) files.push(storageStatePath(user.role));
    rolesDone.add(user.role);
    for (const file of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await context.storageState({ path: file });
    }
    await context.close();
  }
});
