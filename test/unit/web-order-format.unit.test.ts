import { describe, expect, it } from 'vitest';
import { formatMoney, lineItemSummary, webLinkOf } from '../../web/src/orders/order-format';

describe('formatMoney', () => {
  it("writes amounts in their currency's notation", () => {
    expect(formatMoney('89.70', 'EUR', 'en-GB')).toBe('€89.70');
    expect(formatMoney('1200', 'JPY', 'en-US')).toBe('¥1,200');
    expect(formatMoney('89.7', 'EUR', 'de-DE')).toBe('89,70\u00a0€');
  });

  it('shows what it cannot read as it came', () => {
    expect(formatMoney('12.00', 'XX', 'en')).toBe('12.00 XX');
    expect(formatMoney('n/a', 'EUR', 'en')).toBe('n/a EUR');
  });
});

describe('lineItemSummary', () => {
  it('lists quantity and name, and counts the items the shop sent beyond those kept', () => {
    expect(lineItemSummary([{ name: 'Espresso', quantity: 2 }], 3)).toEqual({
      lines: ['2 × Espresso'],
      more: 2,
    });
  });
});

describe('webLinkOf', () => {
  it("keeps a cart's web recovery URL", () => {
    expect(webLinkOf('https://shop.example.com/cart/recover?key=1')).toBe(
      'https://shop.example.com/cart/recover?key=1',
    );
    expect(webLinkOf('http://127.0.0.1:8080/r')).toBe('http://127.0.0.1:8080/r');
  });

  it('drops anything that is not a web address, such as a script URL a payload carries', () => {
    expect(webLinkOf('javascript:alert(1)')).toBeUndefined();
    expect(webLinkOf(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(webLinkOf('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(webLinkOf('/relative/path')).toBeUndefined();
    expect(webLinkOf(undefined)).toBeUndefined();
  });
});
