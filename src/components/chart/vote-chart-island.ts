/**
 * The Chart.js enhancement of <vote-chart>. Loaded by the element's tiny loader
 * (VoteChart.astro's <script>) only once the figure nears the viewport.
 *
 * It draws a canvas over the static SVG inside the same box (the SVG keeps the
 * space, so nothing moves), and adds tooltips, a bar/doughnut switch, a
 * "Not listed" toggle, click/Enter to jump to a narrative's section, and arrow
 * key navigation announced through an aria-live region. Colours are read from
 * the CSS custom properties and redrawn whenever the theme changes.
 *
 * Only the Chart.js parts in use are registered; never chart.js/auto.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  LinearScale,
  Tooltip,
  type ActiveElement,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, DoughnutController, ArcElement);

/** What VoteChart.astro serialises into data-chart. */
export interface IslandRow {
  name: string;
  /** "1. DePIN" or "Not listed" */
  tick: string;
  value: number;
  /** "30.2%" */
  share: string;
  /** "DePIN: 30.2% of votes, rank 1 of 8" */
  announce: string;
  /** Heading id in the article, absent for the remainder. */
  section?: string;
  remainder: boolean;
}
export interface IslandData {
  label: string;
  axisMax: number;
  rows: IslandRow[];
}

type View = 'bar' | 'doughnut';
type Colours = Record<'bar' | 'barMuted' | 'text' | 'textMuted' | 'grid' | 'bg' | 'focus', string>;

const TOKENS: Record<keyof Colours, string> = {
  bar: '--chart-bar',
  barMuted: '--chart-bar-muted',
  text: '--chart-text',
  textMuted: '--text-muted',
  grid: '--chart-grid',
  bg: '--bg',
  focus: '--focus',
};

/**
 * getComputedStyle on a custom property returns its unresolved text
 * ("light-dark(...)"), so each token is applied to a probe's `color` and the
 * computed rgb() is read back.
 */
function readColours(host: HTMLElement): Colours {
  const probe = document.createElement('span');
  probe.hidden = true;
  host.append(probe);
  const out = {} as Colours;
  for (const [key, token] of Object.entries(TOKENS) as [keyof Colours, string][]) {
    probe.style.color = `var(${token})`;
    out[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

export interface VoteChartIsland {
  readonly chart: Chart;
  destroy(): void;
}

export async function mountVoteChart(host: HTMLElement): Promise<VoteChartIsland | undefined> {
  const data = JSON.parse(host.dataset.chart ?? 'null') as IslandData | null;
  const stage = host.querySelector<HTMLElement>('[data-stage]');
  const live = host.querySelector<HTMLElement>('[data-live]');
  if (!data || !stage || !live) return undefined;

  // Fonts first, so the canvas never draws with a fallback face and redraws.
  await document.fonts.ready;
  if (!host.isConnected) return undefined;

  const viewButtons = [...host.querySelectorAll<HTMLButtonElement>('button[data-view]')];
  const remainderToggle = host.querySelector<HTMLInputElement>('input[data-remainder]');
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');

  let view: View = 'bar';
  let showRemainder = remainderToggle?.checked ?? true;
  let active = -1;
  let colours = readColours(host);
  const rows = () => data.rows.filter((r) => showRemainder || !r.remainder);

  const frame = document.createElement('div');
  frame.className = 'vote-chart__canvas';
  const canvas = document.createElement('canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-roledescription', 'interactive chart');
  canvas.setAttribute(
    'aria-label',
    `${data.label} Use the arrow keys to move between narratives and Enter to read about one.`,
  );
  frame.append(canvas);

  const fontFamily = getComputedStyle(host).fontFamily;
  Chart.defaults.font.family = fontFamily;
  Chart.defaults.font.size = 14;

  /** % labels at the bar ends, and the active share in the doughnut's hole. */
  const labels: Plugin = {
    id: 'voteChartLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      const shown = rows();
      ctx.save();
      ctx.fillStyle = colours.text;
      if (view === 'bar') {
        ctx.font = `700 14px ${fontFamily}`;
        ctx.textBaseline = 'middle';
        meta.data.forEach((el, i) => {
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          ctx.fillText(shown[i]?.share ?? '', x + 6, y);
        });
      } else {
        const arc = meta.data[0];
        if (arc) {
          const { x, y } = arc.getProps(['x', 'y'], true) as { x: number; y: number };
          const row = shown[active] ?? shown[0];
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.font = `700 28px ${fontFamily}`;
          ctx.fillText(row?.share ?? '', x, y - 12);
          ctx.font = `15px ${fontFamily}`;
          ctx.fillText(row?.name ?? '', x, y + 16);
        }
      }
      ctx.restore();
    },
  };

  const config = (): ChartConfiguration<'bar' | 'doughnut'> => {
    const shown = rows();
    const fills = shown.map((r) => (r.remainder ? colours.barMuted : colours.bar));
    const animation = reducedMotion.matches ? (false as const) : { duration: 400 };
    const tooltip = {
      backgroundColor: colours.text,
      titleColor: colours.bg,
      bodyColor: colours.bg,
      displayColors: false,
      callbacks: {
        title: (items: { dataIndex: number }[]) => shown[items[0]?.dataIndex ?? 0]?.name ?? '',
        label: (item: { dataIndex: number }) => shown[item.dataIndex]?.announce.replace(/^[^:]*: /, '') ?? '',
      },
    };
    const onClick = (_: unknown, elements: ActiveElement[]) => {
      const hit = elements[0];
      if (hit) jumpTo(hit.index);
    };
    const onHover = (_: unknown, elements: ActiveElement[]) => {
      const row = elements[0] ? shown[elements[0].index] : undefined;
      canvas.style.cursor = row?.section ? 'pointer' : 'default';
    };
    if (view === 'doughnut') {
      return {
        type: 'doughnut',
        data: {
          labels: shown.map((r) => r.name),
          datasets: [
            {
              data: shown.map((r) => r.value),
              backgroundColor: fills,
              borderColor: colours.bg,
              borderWidth: 2,
              hoverBorderColor: colours.text,
              hoverOffset: 10,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation,
          cutout: '58%',
          layout: { padding: 16 },
          onClick,
          onHover,
          plugins: { tooltip },
        },
        plugins: [labels],
      };
    }
    return {
      type: 'bar',
      data: {
        labels: shown.map((r) => r.tick),
        datasets: [
          {
            data: shown.map((r) => r.value),
            backgroundColor: fills,
            hoverBackgroundColor: fills,
            borderColor: colours.text,
            borderWidth: 0,
            hoverBorderWidth: 2,
            borderRadius: 2,
            barPercentage: 0.7,
            categoryPercentage: 1,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation,
        layout: { padding: { right: 48, top: 4 } },
        interaction: { mode: 'nearest', axis: 'y', intersect: false },
        scales: {
          x: {
            min: 0,
            max: data.axisMax,
            grid: { color: colours.grid },
            border: { color: colours.text },
            ticks: { color: colours.textMuted, callback: (v) => `${v}%` },
          },
          y: {
            grid: { display: false },
            border: { color: colours.text, width: 1.5 },
            ticks: { color: colours.text },
          },
        },
        onClick,
        onHover,
        plugins: { tooltip },
      },
      plugins: [labels],
    };
  };

  const svg = stage.querySelector('svg');
  stage.append(frame);
  let chart = new Chart(canvas, config());
  // The SVG keeps its box (visibility, not display), so swapping in the canvas shifts nothing.
  svg?.classList.add('vote-chart__svg--covered');
  host.dataset.ready = '';
  host.dataset.view = view;

  function rebuild(): void {
    chart.destroy();
    chart = new Chart(canvas, config());
    if (active >= 0) setActive(Math.min(active, rows().length - 1), false);
  }

  function setActive(index: number, announce = true): void {
    const shown = rows();
    if (shown.length === 0) return;
    active = (index + shown.length) % shown.length;
    const els = [{ datasetIndex: 0, index: active }];
    chart.setActiveElements(els);
    const el = chart.getDatasetMeta(0).data[active];
    if (el) chart.tooltip?.setActiveElements(els, el.tooltipPosition(true));
    chart.update();
    host.dataset.active = String(active);
    if (announce) live!.textContent = shown[active]!.announce;
  }

  function clearActive(): void {
    active = -1;
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update();
    delete host.dataset.active;
  }

  function jumpTo(index: number): void {
    const section = rows()[index]?.section;
    const target = section ? document.getElementById(section) : null;
    if (!section || !target) return;
    location.hash = section;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }

  const onKey = (event: KeyboardEvent): void => {
    const last = rows().length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => active + 1,
      ArrowRight: () => active + 1,
      ArrowUp: () => (active < 0 ? last : active - 1),
      ArrowLeft: () => (active < 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if ((event.key === 'Enter' || event.key === ' ') && active >= 0) {
      event.preventDefault();
      jumpTo(active);
    } else if (event.key === 'Escape') {
      clearActive();
    }
  };
  const onFocus = (): void => setActive(active < 0 ? 0 : active);
  const onBlur = (): void => clearActive();
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('blur', onBlur);

  const setView = (next: View): void => {
    view = next;
    host.dataset.view = view;
    for (const b of viewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    rebuild();
  };
  const onViewClick = (event: Event): void => setView((event.currentTarget as HTMLButtonElement).dataset.view as View);
  for (const b of viewButtons) {
    b.addEventListener('click', onViewClick);
    b.disabled = false;
  }
  const onRemainder = (): void => {
    showRemainder = remainderToggle!.checked;
    host.dataset.remainder = showRemainder ? 'shown' : 'hidden';
    active = -1;
    rebuild();
  };
  if (remainderToggle) {
    remainderToggle.addEventListener('change', onRemainder);
    remainderToggle.disabled = false;
    host.dataset.remainder = showRemainder ? 'shown' : 'hidden';
  }

  // Theme: the theme script sets html[data-theme]; without a stored choice the OS decides.
  const recolour = (): void => {
    colours = readColours(host);
    rebuild();
  };
  const themeObserver = new MutationObserver(recolour);
  themeObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'class', 'style'],
  });
  darkScheme.addEventListener('change', recolour);
  const onMotion = (): void => rebuild();
  reducedMotion.addEventListener('change', onMotion);

  return {
    get chart() {
      return chart;
    },
    destroy() {
      themeObserver.disconnect();
      darkScheme.removeEventListener('change', recolour);
      reducedMotion.removeEventListener('change', onMotion);
      // The canvas and its listeners go with the frame.
      for (const b of viewButtons) {
        b.removeEventListener('click', onViewClick);
        b.disabled = true;
      }
      if (remainderToggle) {
        remainderToggle.removeEventListener('change', onRemainder);
        remainderToggle.disabled = true;
      }
      chart.destroy();
      frame.remove();
      svg?.classList.remove('vote-chart__svg--covered');
      delete host.dataset.ready;
    },
  };
}
