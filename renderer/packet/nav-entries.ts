import { createElement, type ReactNode } from 'react';
import type { ViewProps } from '../app/view-props';
import { GlossaryPanel } from './GlossaryPanel';
import { NarrativePanel } from './NarrativePanel';
import { PacketPreview } from './PacketPreview';
import { PerformancePanel } from './PerformancePanel';
import './packet.css';

/** The packet's pages in the navigation: 情况说明, 绩效目标表, 名词解释, 打印预览 (id `packet`, opened by 打印公开文件…). */
export const PACKET_NAV: Array<{ id: string; label: string; short: string; render(p: ViewProps): ReactNode }> = [
  { id: 'narrative', label: '第三部分 情况说明', short: '情况说明', render: (p) => createElement(NarrativePanel, p) },
  { id: 'performance', label: '绩效目标表', short: '绩效目标表', render: (p) => createElement(PerformancePanel, p) },
  { id: 'glossary', label: '第四部分 名词解释', short: '名词解释', render: (p) => createElement(GlossaryPanel, p) },
  { id: 'packet', label: '打印预览', short: '打印预览', render: (p) => createElement(PacketPreview, p) },
];
