import { Typography } from 'antd';
import { Link } from 'react-router';

/** The name as a link to the person's page, with its pinyin under it. */
export function PersonName({ id, name, pinyin }: { id: string; name: string; pinyin?: string }) {
  return (
    <span className="mz-person-name">
      <Link to={`/people/${id}`} data-testid="person-link">
        {name}
      </Link>
      {pinyin && (
        <Typography.Text type="secondary" className="mz-person-pinyin">
          {pinyin}
        </Typography.Text>
      )}
    </span>
  );
}
