import defaultPack, { contentHash } from 'virtual:sufler-default-pack';
import { SuflerDatabase } from '@/lib/db/database';
import { installBundledPack } from '@/lib/db/install-pack';
import { createLibraryService } from '@/lib/db/library-service';
import { registerBackgroundHandlers } from '@/lib/messaging/register-background';

export default defineBackground(() => {
  const db = new SuflerDatabase();
  const ready = installBundledPack(db, defaultPack, contentHash, Date.now());
  registerBackgroundHandlers(createLibraryService(db), browser.runtime.id, ready);
});
