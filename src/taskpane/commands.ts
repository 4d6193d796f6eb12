/** Function file referenced by the manifest (ribbon commands). The ribbon button only opens the task pane. */
if (typeof Office !== 'undefined') Office.onReady(() => undefined);
