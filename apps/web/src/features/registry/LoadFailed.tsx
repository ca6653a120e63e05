import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api/errors';
import { useT } from '../../app/i18n/useT';

/** A person or household that cannot be read: gone, outside the scope, or the request failed. */
export function LoadFailed({ error }: { error: unknown }) {
  const t = useT();
  const navigate = useNavigate();
  const notFound = isApiError(error) && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? '404' : undefined}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={
        <Button type="primary" onClick={() => navigate('/people')}>
          {t('registry.backToPeople')}
        </Button>
      }
    />
  );
}
