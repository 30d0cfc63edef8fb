/**
 * The `openDB` callbacks that notice the browser taking a connection away:
 * it closed it (the user cleared the extension's data), or another context
 * wants to delete or upgrade the database, for which the connection is closed
 * at once so that it does not block. Either way `onLost` learns that the
 * connection is unusable and a new one must be opened. For every database.
 */
export function watchConnectionLoss(onLost?: () => void) {
  return {
    blocking(_oldVersion: number, _newVersion: number | null, event: IDBVersionChangeEvent): void {
      (event.target as IDBDatabase).close();
      onLost?.();
    },
    terminated(): void {
      onLost?.();
    },
  };
}
