/** The task pane: three areas (校验, 生成说明, 插入模板) over one host. */
import { Caption1, FluentProvider, Link, makeStyles, Tab, TabList, Title3, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { HOST_NAMES, InteractiveHost } from '../hosts/host';
import { ExplainPanel } from './ExplainPanel';
import { PaneSession } from './session';
import { TemplatePanel } from './TemplatePanel';
import { ValidatePanel } from './ValidatePanel';

const useStyles = makeStyles({
  root: { padding: '12px', display: 'flex', flexDirection: 'column', rowGap: '10px', minWidth: 0, boxSizing: 'border-box' },
  hostLine: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: '8px' },
});

const TABS = ['validate', 'explain', 'template'];

/** "#template" → 'template' (the WPS ribbon buttons open the pane on their tab). */
export function tabFromHash(hash: string): string {
  const t = hash.replace(/^#/, '');
  return TABS.includes(t) ? t : 'validate';
}

export function App({ host, initialTab = 'validate' }: { host: InteractiveHost; initialTab?: string }) {
  const s = useStyles();
  const [tab, setTab] = React.useState<string>(initialTab);
  /** The session every tab reads: results, corrections made in 校验 (生成说明 reads the tables through them), marks. */
  const [session] = React.useState(() => new PaneSession(host));
  // The WPS ribbon's buttons navigate the open pane to #validate / #explain / #template: follow the hash.
  React.useEffect(() => {
    const follow = () => setTab(tabFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.root}>
        <Title3>部门预算公开助手</Title3>
        <div className={s.hostLine}>
          <Caption1 data-testid="host-kind">运行于：{HOST_NAMES[host.kind]}</Caption1>
          {/* help.html sits next to the pane (Excel, WPS, preview); it links to the release's install pages. */}
          <Caption1>
            <Link href="help.html" target="_blank" rel="noopener" data-testid="help-link">
              帮助与安装
            </Link>
          </Caption1>
        </div>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(String(d.value))}>
          <Tab value="validate">校验</Tab>
          <Tab value="explain">生成说明</Tab>
          <Tab value="template">插入模板</Tab>
        </TabList>
        {/* All three stay mounted: switching tabs never loses results, typed reasons or edited text. */}
        <div hidden={tab !== 'validate'} data-testid="tab-validate">
          <ValidatePanel session={session} />
        </div>
        <div hidden={tab !== 'explain'} data-testid="tab-explain">
          <ExplainPanel session={session} />
        </div>
        <div hidden={tab !== 'template'} data-testid="tab-template">
          <TemplatePanel session={session} />
        </div>
      </div>
    </FluentProvider>
  );
}
