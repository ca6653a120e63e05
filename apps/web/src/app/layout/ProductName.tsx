import { BankOutlined } from '@ant-design/icons';

/** 民政业务平台 Minzheng — the same in both languages, as on the bureau's letterhead. */
export function ProductName() {
  return (
    <span className="mz-product">
      <BankOutlined className="mz-product-icon" />
      <span className="mz-product-zh">民政业务平台</span>
      <span className="mz-product-en">Minzheng</span>
    </span>
  );
}
