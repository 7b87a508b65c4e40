// The one error the importer throws for a file it cannot read (see import-messages.ts).
export { UnreadableWorkbookError } from './import-messages';
