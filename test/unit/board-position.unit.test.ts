import { describe, expect, it } from 'vitest';
import { positionAt, positionBetween, topPosition } from '../../shared/deals/board-position';
import { BoardPosition } from '../../shared/deals/deal';

const column = (...positions: string[]) => positions.map((position, i) => ({ id: `d${i}`, position }));
const inOrder = (keys: string[]) => [...keys].sort();

describe('board positions', () => {
  it('puts a key strictly between its neighbours, or before the first / after the last', () => {
    const between = positionBetween('a0', 'a1');
    expect(between > 'a0' && between < 'a1').toBe(true);
    expect(positionBetween(undefined, 'a0') < 'a0').toBe(true);
    expect(positionBetween('a0', undefined) > 'a0').toBe(true);
    expect(positionBetween(undefined, undefined)).toBe('a0');
  });

  it('gives a key after the one before when the neighbours do not ascend (equal positions)', () => {
    expect(positionBetween('a1', 'a1') > 'a1').toBe(true);
  });

  it('places a card dropped at an index of another column between the cards around it', () => {
    const target = column('a0', 'a1', 'a2');
    const first = positionAt(target, 0, 'moved');
    const middle = positionAt(target, 2, 'moved');
    const last = positionAt(target, 3, 'moved');
    expect(first < 'a0').toBe(true);
    expect(middle > 'a1' && middle < 'a2').toBe(true);
    expect(last > 'a2').toBe(true);
    // an index past the end is the end
    expect(positionAt(target, 99, 'moved') > 'a2').toBe(true);
  });

  it('leaves the moved card out when it moves within its own column', () => {
    const own = column('a0', 'a1', 'a2', 'a3');
    // d0 dragged to the place of d2 (index 2 among the others d1, d2, d3): between d2 and d3
    const next = positionAt(own, 2, 'd0');
    expect(next > 'a2' && next < 'a3').toBe(true);
    // d3 dragged to the top
    expect(positionAt(own, 0, 'd3') < 'a0').toBe(true);
  });

  it('keeps a column ordered through many moves into the same gap, every key a valid position', () => {
    let cards = column('a0', 'a1');
    for (let i = 0; i < 50; i++) {
      const position = positionAt(cards, 1, `n${i}`);
      cards = [cards[0] as (typeof cards)[number], { id: `n${i}`, position }, ...cards.slice(1)];
      expect(BoardPosition.safeParse(position).success).toBe(true);
    }
    const positions = cards.map((card) => card.position);
    expect(positions).toEqual(inOrder(positions));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('puts a quick-added card above the first of its column', () => {
    expect(topPosition(column('a3', 'a4')) < 'a3').toBe(true);
    expect(topPosition([])).toBe('a0');
  });
});
