import { useEffect, useRef, useState } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/query-client';
import { AppRoutes } from './AppRoutes';
import { AuthProvider, meQueryKey } from './auth/AuthProvider';
import { FeedbackBridge } from './FeedbackBridge';
import { antdLocale } from './i18n/antd-locale';
import { I18nProvider } from './i18n/I18nProvider';
import { useI18n } from './i18n/useT';

/** antd in the chosen language; data read again so server-made texts follow the language too. */
function LocalizedApp() {
  const { lang } = useI18n();
  const queryClient = useQueryClient();
  const shownLang = useRef(lang);

  useEffect(() => {
    if (lang === shownLang.current) return;
    shownLang.current = lang;
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  }, [lang, queryClient]);

  return (
    <ConfigProvider
      locale={antdLocale(lang)}
      componentSize="middle"
      theme={{ token: { colorPrimary: '#1677ff' } }}
    >
      <AntdApp>
        <FeedbackBridge />
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

export function Root() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <LocalizedApp />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
