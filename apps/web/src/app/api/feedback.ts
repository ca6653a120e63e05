import type { App } from 'antd';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

/**
 * The antd `message` API of the running <App>, reachable outside React (the query cache reports failed
 * requests through it). `FeedbackBridge` fills it in.
 */
let messageApi: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance | null): void {
  messageApi = api;
}

export function showError(text: string): void {
  // A repeated failure (e.g. a refetch loop) replaces the message instead of stacking copies.
  messageApi?.error({ content: text, key: text });
}
