import { useEffect } from 'react';
import { App } from 'antd';
import { setMessageApi } from './api/feedback';

/** Hands the antd message API of <App> to code outside React (the query cache). */
export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}
