import { Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { UserView } from '../../app/api/types';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';

/** Active/disabled, locked until …, must change password. */
export function UserStatusTags({ user }: { user: UserView }) {
  const t = useT();
  const locked = user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());
  return (
    <Space size={[0, 4]} wrap className="mz-tags">
      {user.status === 'active' ? (
        <Tag color="green">{t('users.status.active')}</Tag>
      ) : (
        <Tag color="default">{t('users.status.disabled')}</Tag>
      )}
      {locked && (
        <Tooltip title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
          <Tag color="red" data-testid="tag-locked">
            {t('users.locked')}
          </Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && (
        <Tag color="orange" data-testid="tag-must-change">
          {t('users.mustChangePassword')}
        </Tag>
      )}
    </Space>
  );
}
