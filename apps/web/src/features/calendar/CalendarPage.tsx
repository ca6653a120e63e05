import { useState } from 'react';
import { Button, Card, DatePicker, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarDayView } from '../../app/api/types';
import { useCan } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { useCalendarYear, useDeleteCalendarDay } from './api';
import { CalendarDayModal } from './CalendarDayModal';
import { NextYearNotice } from './NextYearNotice';
import { WorkingDayCalculator } from './WorkingDayCalculator';

/** 工作日历: a year's holidays and make-up workdays, and the working-day calculator. */
export function CalendarPage() {
  const t = useT();
  const can = useCan();
  const canManage = can('calendar.manage');
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const days = useCalendarYear(year);
  const remove = useDeleteCalendarDay();
  const [editing, setEditing] = useState<{ day: CalendarDayView | null } | null>(null);

  const rows = days.data ?? [];
  const holidays = rows.filter((d) => d.kind === 'holiday').length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <NextYearNotice
        nextYear={thisYear + 1}
        onEnter={
          canManage
            ? () => {
                setYear(thisYear + 1);
                setEditing({ day: null });
              }
            : undefined
        }
      />
      <Card
        title={t('calendar.title')}
        extra={
          <Space wrap>
            <DatePicker
              data-testid="calendar-year"
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d: Dayjs | null) => d && setYear(d.year())}
              aria-label={t('calendar.year')}
            />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ day: null })}>
                {t('calendar.add')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {rows.length > 0
            ? t('calendar.count', { year, holidays, workdays: rows.length - holidays })
            : t('calendar.empty', { year })}
        </Typography.Paragraph>
        <Table<CalendarDayView>
          data-testid="calendar-days"
          size="small"
          rowKey="date"
          loading={days.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 520 }}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date', width: 120 },
            {
              title: t('calendar.weekday'),
              key: 'weekday',
              width: 100,
              render: (_: unknown, d) => dayjs(d.date).format('dddd'),
            },
            {
              title: t('calendar.kind'),
              dataIndex: 'kind',
              width: 120,
              render: (_: unknown, d) =>
                d.kind === 'holiday' ? (
                  <Tag color="red">{t('calendar.kind.holiday')}</Tag>
                ) : (
                  <Tag color="blue">{t('calendar.kind.workday')}</Tag>
                ),
            },
            { title: t('calendar.name'), dataIndex: 'name' },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, d: CalendarDayView) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="link"
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ day: d })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('calendar.deleteConfirm', { date: d.date, name: d.name })}
                          okText={t('common.delete')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove.mutateAsync(d.date)}
                        >
                          <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('calendar.calc.title')}>
        <WorkingDayCalculator />
      </Card>
      <CalendarDayModal
        open={editing !== null}
        day={editing?.day ?? null}
        year={year}
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
