import { CaseEvent } from '../events';
import { LifecycleContext } from './context';
import { ALLOWED, LawCheck, missing } from './law-check';

export const BUYER_PAYMENT_BASIS =
  'NĐ 62/2015/NĐ-CP Điều 27.3 (sửa đổi bởi NĐ 33/2020/NĐ-CP); NĐ 152/2026/NĐ-CP Điều 65.1';

/**
 * "The auction buyer has now paid the whole price" (`buyerPaidInFull` on a collect) speaks of a
 * sale: it is recorded only while the case holds an auction that sold and whose price is not yet
 * paid in full (NĐ 62/2015 Điều 27.3; NĐ 152/2026 Điều 65.1). Elsewhere it would open the
 * delivery term and let the asset be handed over with nothing sold.
 */
export const checkBuyerPayment = (context: Pick<LifecycleContext, 'auction'>, event: CaseEvent): LawCheck => {
  if (event.type !== 'MoneyCollected' || event.data.buyerPaidInFull !== true) return ALLOWED;
  if (context.auction?.result === 'sold' && context.auction.paidInFullOn === undefined) return ALLOWED;
  return missing(
    context.auction?.result === 'sold'
      ? `người mua trúng đấu giá đã nộp đủ tiền ngày ${context.auction.paidInFullOn}; không ghi nhận lại (${BUYER_PAYMENT_BASIS})`
      : `không có cuộc bán đấu giá thành đang chờ người mua nộp tiền; buyerPaidInFull chỉ ghi khi thu tiền của người mua trúng đấu giá (${BUYER_PAYMENT_BASIS})`,
  );
};
