import { InputNumber, InputNumberProps } from 'antd';
import { groupDigits } from './money';

/**
 * Whole đồng typed with dots as they are written (228.188.311.000), kept as a decimal string
 * (stringMode: never a float, amounts pass 2^53 in a province's sums).
 */
export const MoneyInput = (props: Omit<InputNumberProps<string>, 'stringMode' | 'formatter' | 'parser'>) => (
  <InputNumber<string>
    {...props}
    stringMode
    min="0"
    precision={0}
    suffix="đ"
    style={{ width: '100%', ...props.style }}
    formatter={(value) => (value ? groupDigits(String(value).replace(/\D/g, '')) : '')}
    parser={(text) => (text ?? '').replace(/\D/g, '')}
  />
);
