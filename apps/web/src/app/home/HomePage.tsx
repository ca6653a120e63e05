import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useSessionUser } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { visibleEntries } from '../layout/menu-entries';
import { levelLabelKey } from '../region/levels';
import { useRoleNames } from '../access/roles';

/** 工作台: who you are, and what the menu holds for you. */
export function HomePage() {
  const t = useT();
  const user = useSessionUser();
  const navigate = useNavigate();
  const roleName = useRoleNames();
  const entries = visibleEntries(user.permissions).filter((e) => e.path !== '/');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('home.welcome', { name: user.displayName })} data-testid="home-identity">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'name', label: t('home.displayName'), children: user.displayName },
            { key: 'username', label: t('home.username'), children: user.username },
            {
              key: 'roles',
              label: t('home.roles'),
              children: (
                <Space size={[4, 4]} wrap>
                  {user.roles.map((r) => (
                    <Tag key={r} color="blue">
                      {roleName(r)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'scope', label: t('home.scope'), children: `${user.scopeName}（${user.scopeCode}）` },
            { key: 'level', label: t('home.level'), children: t(levelLabelKey[user.scopeLevel]) },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('home.scopeExplained', { scope: user.scopeName })}
        </Typography.Paragraph>
      </Card>
      <Card title={t('home.menuTitle')}>
        {entries.length === 0 ? (
          <Typography.Text type="secondary">{t('home.menuEmpty')}</Typography.Text>
        ) : (
          <Row gutter={[12, 12]}>
            {entries.map((e) => (
              <Col key={e.path} xs={24} sm={12} xl={8}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => navigate(e.path)}
                  data-testid={`home-entry-${e.id}`}
                >
                  <Card.Meta avatar={e.icon} title={t(e.label)} description={t(e.description)} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}
