// Layout components: Flex, Box, Inline, Stack, AutoGrid, Tile, Card, Divider, Spacer.
import type { CSSProperties } from 'react';
import { cls, distance, flexAlign, marks, type HostProps } from './shared.js';

export function Flex(props: HostProps) {
  const wrap = props.wrap === true || props.wrap === 'wrap';
  const style: CSSProperties = {
    display: 'flex',
    flexDirection: props.direction === 'column' ? 'column' : 'row',
    gap: distance(props.gap, 0),
    justifyContent: flexAlign(props.justify),
    alignItems: flexAlign(props.align),
    alignSelf: flexAlign(props.alignSelf),
    flexWrap: wrap ? 'wrap' : 'nowrap',
  };
  return (
    <div {...marks('Flex', props)} style={style}>
      {props.children}
    </div>
  );
}

export function Inline(props: HostProps) {
  return (
    <div
      {...marks('Inline', props)}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: distance(props.gap, 8),
        justifyContent: flexAlign(props.justify),
        alignItems: flexAlign(props.align) ?? 'center',
      }}
    >
      {props.children}
    </div>
  );
}

export function Stack(props: HostProps) {
  return (
    <div
      {...marks('Stack', props)}
      style={{
        display: 'flex',
        flexDirection: props.direction === 'row' ? 'row' : 'column',
        gap: distance(props.distance, 8),
        justifyContent: flexAlign(props.justify),
        alignItems: flexAlign(props.align),
        width: props.width === '100%' ? '100%' : undefined,
      }}
    >
      {props.children}
    </div>
  );
}

export function Box(props: HostProps) {
  const flex = typeof props.flex === 'number' ? props.flex : (props.flex as string | undefined);
  return (
    <div {...marks('Box', props)} style={{ flex, alignSelf: flexAlign(props.alignSelf) }}>
      {props.children}
    </div>
  );
}

export function AutoGrid(props: HostProps) {
  const width = typeof props.columnWidth === 'number' ? props.columnWidth : 200;
  return (
    <div
      {...marks('AutoGrid', props)}
      style={{
        display: 'grid',
        gap: distance(props.gap, 16),
        gridTemplateColumns: `repeat(auto-fill, minmax(${width}px, 1fr))`,
      }}
    >
      {props.children}
    </div>
  );
}

export function Tile(props: HostProps) {
  return (
    <div
      {...marks('Tile', props)}
      className={cls(
        'hs-tile',
        props.compact === true && 'hs-tile--compact',
        props.flush === true && 'hs-tile--flush',
      )}
    >
      {props.children}
    </div>
  );
}

export function Card(props: HostProps) {
  return (
    <div {...marks('Card', props)} className="hs-card-block">
      {props.children}
    </div>
  );
}

export function Divider(props: HostProps) {
  return (
    <hr
      {...marks('Divider', props)}
      className="hs-divider"
      style={{ margin: `${distance(props.distance, 12)}px 0` }}
    />
  );
}

export function Spacer(props: HostProps) {
  return <div {...marks('Spacer', props)} style={{ height: distance(props.size, 16) }} />;
}
