import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { Cascader } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { DivisionView } from '../api/types';
import { fetchChildren, regionKeys, useDivision, useRegionPath } from './api';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

export interface RegionCascaderProps {
  /** The top of what may be chosen: the user's scope. Nothing above it is shown. */
  rootCode: string;
  rootName: string;
  value?: string;
  onChange?: (code: string) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/**
 * A division picker that loads children lazily. Its value is one region code; the options along the path to
 * the current value are loaded up front so the label always reads as names.
 */
export function RegionCascader({
  rootCode,
  rootName,
  value,
  onChange,
  placeholder,
  style,
  id,
  'data-testid': testId,
}: RegionCascaderProps) {
  const queryClient = useQueryClient();
  const root = useDivision(rootCode);
  const path = useRegionPath(value);
  const [childrenOf, setChildrenOf] = useState<Record<string, DivisionView[]>>({});

  const load = useCallback(
    async (code: string) => {
      const children = await queryClient.fetchQuery({
        queryKey: regionKeys.children(code),
        queryFn: () => fetchChildren(code),
        staleTime: 5 * 60_000,
      });
      setChildrenOf((old) => (old[code] ? old : { ...old, [code]: children }));
    },
    [queryClient],
  );

  /** The codes from the root down to the value; empty when the value lies outside the root. */
  const valuePath = useMemo(() => {
    const codes = (path.data ?? []).map((d) => d.code);
    const start = codes.indexOf(rootCode);
    return start < 0 ? [] : codes.slice(start);
  }, [path.data, rootCode]);

  useEffect(() => {
    for (const code of valuePath.slice(0, -1)) void load(code).catch(() => undefined);
  }, [valuePath, load]);

  const options = useMemo<RegionOption[]>(() => {
    const build = (code: string, label: string, isLeaf: boolean): RegionOption => {
      const children = childrenOf[code];
      return {
        value: code,
        label,
        isLeaf,
        children: children?.map((d) => build(d.code, d.name, !d.hasChildren)),
      };
    };
    const rootDivision = root.data;
    return [
      build(rootCode, rootDivision?.name ?? rootName, rootDivision ? !rootDivision.hasChildren : false),
    ];
  }, [childrenOf, root.data, rootCode, rootName]);

  const nameOf = useMemo(() => new Map((path.data ?? []).map((d) => [d.code, d.name])), [path.data]);

  return (
    <Cascader<RegionOption>
      id={id}
      data-testid={testId}
      style={style}
      options={options}
      value={valuePath.length > 0 ? valuePath : undefined}
      placeholder={placeholder}
      changeOnSelect
      allowClear={false}
      loadData={(selected) => {
        const last = selected[selected.length - 1];
        if (last) void load(last.value).catch(() => undefined);
      }}
      onChange={(codes) => {
        const last = codes?.[codes.length - 1];
        if (typeof last === 'string') onChange?.(last);
      }}
      displayRender={(labels) =>
        labels.map((label) => (typeof label === 'string' ? (nameOf.get(label) ?? label) : label)).join(' / ')
      }
    />
  );
}
