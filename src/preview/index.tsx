/** Browser preview: the task pane beside a grid view of an .xlsx the user opens. No Excel, no Office.js. */
import { Button, Caption1, FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { PreviewHost, PreviewState } from '../hosts/preview/preview-host';
import { App } from '../taskpane/App';
import { GridView } from './GridView';

const host = new PreviewHost();
/** The pane's width: Excel's task pane is 320–450 px wide (?pane=320 to look at the narrowest). */
const PANE_WIDTH = Math.min(600, Math.max(280, Number(new URLSearchParams(location.search).get('pane')) || 420));

function Preview() {
  const [state, setState] = React.useState<PreviewState>({ marks: [] });
  const [sheet, setSheet] = React.useState<string>();
  const [error, setError] = React.useState<string>();
  const input = React.useRef<HTMLInputElement>(null);
  // The grid shows the sheet of a cell the pane selects — when it selects one, not on every change of the workbook (an
  // edit on another sheet must not take the user back to the last selected cell's sheet).
  const lastSelected = React.useRef<PreviewState['selected']>();
  React.useEffect(
    () =>
      host.subscribe((s) => {
        setState(s);
        if (s.selected && s.selected !== lastSelected.current) setSheet(s.selected.sheet);
        lastSelected.current = s.selected;
      }),
    [],
  );
  const open = (name: string, bytes: Uint8Array) => {
    setError(undefined);
    try {
      host.open(name, bytes);
      setSheet(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) open(f.name, new Uint8Array(await f.arrayBuffer()));
    e.target.value = '';
  };
  const sample = async () => {
    const res = await fetch('sample.xlsx');
    open('示例：2021-秦皇岛市工业和信息化局-部门预算公开表.xlsx', new Uint8Array(await res.arrayBuffer()));
  };
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100vh' }}>
      <div style={{ display: 'flex', height: '100vh' }}>
        <div style={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', padding: 8, rowGap: 8 }}>
          <div style={{ display: 'flex', columnGap: 8, alignItems: 'center' }}>
            <Button onClick={() => input.current?.click()} data-testid="open-file">
              打开 .xlsx 文件
            </Button>
            <Button onClick={sample} data-testid="load-sample">
              加载示例
            </Button>
            <input ref={input} type="file" accept=".xlsx" style={{ display: 'none' }} onChange={onFile} data-testid="file-input" />
            <Caption1 data-testid="file-name">{state.fileName ?? '未打开文件'}</Caption1>
          </div>
          {error && (
            <MessageBar intent="error" data-testid="open-error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          <GridView
            state={state}
            sheetName={sheet}
            onSheet={setSheet}
            onEdit={(sh, cell, text) => {
              try {
                host.editCell(sh, cell, text);
              } catch (e) {
                setError((e as Error).message);
              }
            }}
          />
        </div>
        <div style={{ width: PANE_WIDTH, flexShrink: 0, borderLeft: '1px solid #ddd', overflow: 'auto' }} data-testid="pane">
          <App host={host} />
        </div>
      </div>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Preview />);
