/**
 * The Chart.js enhancement of <vote-chart>. Loaded by the element's tiny loader
 * (VoteChart.astro's <script>) only once the figure nears the viewport.
 *
 * The canvas covers the static SVG in the same box and draws the same picture
 * from the same geometry (src/lib/chart/inline-layout.ts): names above bars,
 * grid beside them, values at their ends, type at the same sizes, so nothing
 * moves when it mounts. It adds a bar/doughnut switch (the doughnut's code is
 * fetched on first use), a "Not listed" toggle, a tooltip that sits beside the
 * active mark, arrow-key navigation announced through an aria-live region,
 * click/Enter to a narrative's section, the view in the URL query and a
 * "Copy link" control. Colours come from the CSS custom properties (system
 * colours in forced-colours mode) and are re-read whenever the theme changes.
 *
 * Only the Chart.js parts in use are registered; never chart.js/auto.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  type ActiveElement,
  type ChartConfiguration,
  type ChartEvent,
  type Plugin,
} from 'chart.js';
import { axisPercent, axisTicks, INLINE_LAYOUT as L } from '../../lib/chart/inline-layout';
import { readViewState, writeViewState, type ChartKind, type ChartViewState } from '../../lib/chart/view-state';
import type { DoughnutParts } from './vote-chart-doughnut';
import type { Performance } from './vote-chart-sonify';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/** What VoteChart.astro serialises into data-chart. */
export interface IslandRow {
  /** URL key, e.g. "ai" (?focus=ai) */
  key: string;
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
  /** Doughnut slice colour (src/lib/chart/palette.ts). */
  colour: string;
}
export interface IslandData {
  axisMax: number;
  /** "96.2%": what the listed rows add up to, said in the doughnut's centre when "Not listed" is hidden. */
  listedShare: string;
  rows: IslandRow[];
}

export type Colours = Record<'bar' | 'barMuted' | 'text' | 'textMuted' | 'grid' | 'bg', string>;

const TOKENS: Colours = {
  bar: 'var(--chart-bar)',
  barMuted: 'var(--chart-bar-muted)',
  text: 'var(--chart-text)',
  textMuted: 'var(--text-muted)',
  grid: 'var(--chart-grid)',
  bg: 'var(--bg)',
};
/** Forced-colours mode: the canvas is not recoloured by the browser, so it takes the system colours itself. */
const SYSTEM: Colours = {
  bar: 'CanvasText',
  barMuted: 'GrayText',
  text: 'CanvasText',
  textMuted: 'CanvasText',
  grid: 'GrayText',
  bg: 'Canvas',
};

/**
 * getComputedStyle on a custom property returns its unresolved text
 * ("light-dark(...)"), so each colour is applied to a probe's `color` and the
 * computed rgb() read back; forced-color-adjust keeps the browser from
 * replacing the probe's own colour in forced-colours mode.
 */
function readColours(host: HTMLElement, forced: boolean): Colours {
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.forcedColorAdjust = 'none';
  host.append(probe);
  const out = {} as Colours;
  for (const [key, value] of Object.entries(forced ? SYSTEM : TOKENS) as [keyof Colours, string][]) {
    probe.style.color = value;
    out[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

export interface VoteChartIsland {
  readonly chart: Chart;
  destroy(): void;
}

/** What the doughnut module needs from the island to build its configuration. */
export interface DoughnutContext {
  rows: IslandRow[];
  showRemainder: boolean;
  colours: Colours;
  font: string;
  listedShare: string;
  highlighted: () => number;
}

export async function mountVoteChart(host: HTMLElement): Promise<VoteChartIsland | undefined> {
  const data = JSON.parse(host.dataset.chart ?? 'null') as IslandData | null;
  const stage = host.querySelector<HTMLElement>('[data-stage]');
  const live = host.querySelector<HTMLElement>('[data-live]');
  const legend = host.querySelector<HTMLElement>('[data-legend]');
  if (!data || !stage || !live || !legend) return undefined;

  // Fonts first, so the canvas never draws with a fallback face and redraws.
  await document.fonts.ready;
  if (!host.isConnected) return undefined;

  const viewButtons = [...host.querySelectorAll<HTMLButtonElement>('button[data-view]')];
  const remainderToggle = host.querySelector<HTMLInputElement>('input[data-remainder]');
  const copyButton = host.querySelector<HTMLButtonElement>('button[data-copy-link]');
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');
  const forcedColours = matchMedia('(forced-colors: active)');

  const keys = data.rows.map((r) => r.key);
  const remainderKey = data.rows.find((r) => r.remainder)?.key;
  const state: ChartViewState = readViewState(location.search, keys, remainderKey);
  let doughnut: DoughnutParts | undefined;
  let colours = readColours(host, forcedColours.matches);
  let hovered = -1;
  let mounted = false;
  const fontFamily = getComputedStyle(host).fontFamily;
  const font = (size: number, weight = 400) => `${weight} ${size}px ${fontFamily}`;

  /** The rows drawn: in the doughnut the hidden remainder stays as an empty arc, so the ring is always 100%. */
  const rows = () => data.rows.filter((r) => state.unlisted || !r.remainder || state.chart === 'doughnut');
  const selectable = () => rows().filter((r) => state.unlisted || !r.remainder);
  const selected = () => selectable().findIndex((r) => r.key === state.focus);
  const highlighted = () => (hovered >= 0 ? hovered : selected());

  const frame = document.createElement('div');
  frame.className = 'vote-chart__canvas';
  const canvas = document.createElement('canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-roledescription', 'interactive chart');
  const svg = stage.querySelector('svg');
  canvas.setAttribute('aria-label', svg?.querySelector('title')?.textContent ?? '');
  const hint = host.querySelector('[data-keys-hint]');
  canvas.setAttribute('aria-describedby', [svg?.getAttribute('aria-describedby'), hint?.id].filter(Boolean).join(' '));
  const tip = document.createElement('div');
  tip.className = 'vote-chart__tip';
  tip.hidden = true;
  // The live region speaks; the tooltip is for eyes only.
  tip.setAttribute('aria-hidden', 'true');
  const tipName = document.createElement('strong');
  const tipDetail = document.createElement('span');
  tip.append(tipName, tipDetail);
  frame.append(canvas, tip);

  /** Grid, zero line, names, values and ticks, placed exactly as chart-svg.ts places them. */
  const barDrawing: Plugin<'bar'> = {
    id: 'voteChartBars',
    beforeDatasetsDraw(chart) {
      const { ctx } = chart;
      const x = chart.scales.x!;
      const bars = chart.getDatasetMeta(0).data;
      ctx.save();
      ctx.lineWidth = 1;
      ctx.strokeStyle = colours.grid;
      ctx.beginPath();
      for (const bar of bars) {
        for (const t of axisTicks(data.axisMax).filter((t) => t > 0 && t < data.axisMax)) {
          const at = x.getPixelForValue(t);
          ctx.moveTo(at, bar.y - L.barHeight / 2 - L.gridOverhang);
          ctx.lineTo(at, bar.y + L.barHeight / 2 + L.gridOverhang);
        }
      }
      ctx.stroke();
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const bars = chart.getDatasetMeta(0).data;
      const shown = rows();
      const width = chart.width;
      ctx.save();
      ctx.fillStyle = colours.text;
      bars.forEach((bar, i) => {
        const row = shown[i];
        if (!row) return;
        const top = bar.y - L.barHeight / 2;
        ctx.font = font(L.nameSize);
        ctx.fillText(row.tick, 0, top - L.barOffset + L.nameBaseline);
        ctx.font = font(L.valueSize, 700);
        ctx.fillText(row.share, bar.x + L.valueGap, top + L.valueBaseline);
      });
      ctx.strokeStyle = colours.text;
      ctx.lineWidth = L.axisWidth;
      ctx.beginPath();
      for (const bar of bars) {
        ctx.moveTo(L.axisX, bar.y - L.barHeight / 2 - L.gridOverhang);
        ctx.lineTo(L.axisX, bar.y + L.barHeight / 2 + L.gridOverhang);
      }
      ctx.stroke();
      const active = bars[highlighted()];
      if (active) {
        ctx.lineWidth = 2;
        ctx.strokeRect(0, active.y - L.barHeight / 2 - 1, active.x + 1, L.barHeight + 2);
      }
      ctx.fillStyle = colours.textMuted;
      ctx.font = font(L.tickSize);
      const baseline = chart.height - L.axisHeight;
      for (const t of axisTicks(data.axisMax)) {
        ctx.textAlign = t === 0 ? 'left' : t === data.axisMax ? 'right' : 'center';
        ctx.fillText(`${t}%`, (axisPercent(t, data.axisMax) / 100) * width, baseline + L.tickBaseline);
      }
      ctx.restore();
    },
  };

  const barConfig = (): ChartConfiguration<'bar'> => {
    const shown = rows();
    const fills = shown.map((r) => (r.remainder ? colours.barMuted : colours.bar));
    return {
      type: 'bar',
      data: {
        labels: shown.map((r) => r.tick),
        datasets: [
          {
            data: shown.map((r) => r.value),
            backgroundColor: fills,
            hoverBackgroundColor: fills,
            borderWidth: 0,
            borderRadius: 2,
            barThickness: L.barHeight,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        // The plot box of chart-svg.ts: the first bar's centre sits barOffset + barHeight / 2 below the first row's top.
        layout: {
          padding: {
            left: 0,
            right: 0,
            top: L.top + L.barOffset + L.barHeight / 2 - L.rowHeight / 2,
            bottom: L.axisHeight - (L.barOffset + L.barHeight / 2 - L.rowHeight / 2),
          },
        },
        interaction: { mode: 'nearest', axis: 'y', intersect: false },
        scales: {
          x: { display: false, min: 0, max: data.axisMax },
          y: { display: false },
        },
      },
      plugins: [barDrawing],
    };
  };

  const config = (): ChartConfiguration<'bar' | 'doughnut'> => {
    const base =
      state.chart === 'doughnut' && doughnut
        ? doughnut.config({
            rows: rows(),
            showRemainder: state.unlisted,
            colours,
            font: fontFamily,
            listedShare: data.listedShare,
            highlighted,
          })
        : barConfig();
    const options = base.options!;
    options.responsive = true;
    options.maintainAspectRatio = false;
    // No entry animation when the canvas replaces the SVG: the picture must not move.
    options.animation = mounted && !reducedMotion.matches ? { duration: 400 } : false;
    options.events = ['mousemove', 'mouseout', 'click'];
    options.onClick = (_: ChartEvent, elements: ActiveElement[]) => {
      const hit = elements[0];
      if (hit) jumpTo(hit.index);
    };
    options.onHover = (_: ChartEvent, elements: ActiveElement[]) => {
      const index = elements[0]?.index ?? -1;
      canvas.style.cursor = rows()[index]?.section ? 'pointer' : 'default';
      if (index !== hovered) {
        hovered = index;
        redraw();
      }
    };
    options.onResize = () => requestAnimationFrame(placeTip);
    return base;
  };

  /** Beside the bar's value and name if it fits, else below the bar (upper half) or above its name (lower half). */
  function placeTip(): void {
    const index = highlighted();
    const row = rows()[index];
    const bar = chart.getDatasetMeta(0).data[index];
    const keyboard = document.activeElement === canvas;
    if (state.chart !== 'bar' || !row || !bar || !(keyboard || hovered >= 0)) {
      tip.hidden = true;
      return;
    }
    tipName.textContent = row.name;
    tipDetail.textContent = row.announce.slice(row.announce.indexOf(':') + 2);
    tip.hidden = false;
    const { ctx } = chart;
    ctx.save();
    ctx.font = font(L.valueSize, 700);
    const labelEnd = bar.x + L.valueGap + ctx.measureText(row.share).width;
    ctx.font = font(L.nameSize);
    // Centred on the bar, the tip reaches up into the name's line: it must clear the name too.
    const markEnd = Math.max(labelEnd, ctx.measureText(row.tick).width);
    ctx.restore();
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const gap = 8;
    let left = markEnd + gap;
    let top = bar.y - h / 2;
    if (left + w > chart.width) {
      left = Math.max(0, Math.min(bar.x - w / 2, chart.width - w));
      top =
        index < rows().length / 2
          ? bar.y + L.barHeight / 2 + gap / 2
          : bar.y - L.barHeight / 2 - L.barOffset - gap / 2 - h;
    }
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  function redraw(): void {
    chart.draw();
    host.dataset.active = String(highlighted());
    placeTip();
  }

  stage.append(frame);
  let chart = new Chart(canvas, config());
  mounted = true;
  // The SVG keeps its box (visibility, not display), so swapping in the canvas shifts nothing.
  svg?.classList.add('vote-chart__svg--covered');

  function rebuild(): void {
    chart.destroy();
    chart = new Chart(canvas, config());
    renderLegend();
    redraw();
  }

  function saveState(): void {
    history.replaceState(history.state, '', location.pathname + writeViewState(location.search, state) + location.hash);
    host.dataset.view = state.chart;
    host.dataset.remainder = state.unlisted ? 'shown' : 'hidden';
  }

  function select(index: number, announce = true): void {
    const shown = selectable();
    if (shown.length === 0) return;
    const row = shown[(index + shown.length) % shown.length]!;
    state.focus = row.key;
    hovered = -1;
    saveState();
    redraw();
    for (const b of legend!.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.value === row.key));
    if (announce) live!.textContent = row.announce;
  }

  function clearSelection(): void {
    state.focus = null;
    hovered = -1;
    saveState();
    renderLegend();
    redraw();
  }

  function jumpTo(index: number): void {
    const section = rows()[index]?.section;
    const target = section ? document.getElementById(section) : null;
    if (!section || !target) return;
    location.hash = section;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }

  /** The doughnut's key: one button per slice, reachable by Tab, selecting its slice. */
  function renderLegend(): void {
    legend!.hidden = state.chart !== 'doughnut';
    if (legend!.hidden) return;
    const items = rows().map((row, i) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.value = row.key;
      const empty = row.remainder && !state.unlisted;
      button.disabled = empty;
      button.setAttribute('aria-pressed', String(row.key === state.focus));
      const swatch = document.createElement('span');
      swatch.className = empty ? 'vote-chart__swatch vote-chart__swatch--empty' : 'vote-chart__swatch';
      if (!empty) swatch.style.background = row.colour;
      const share = document.createElement('span');
      share.className = 'vote-chart__legend-share';
      share.textContent = empty ? `${row.share}, empty arc` : row.share;
      button.append(swatch, row.name, share);
      button.addEventListener('click', () => (row.key === state.focus ? clearSelection() : select(i)));
      button.addEventListener('focus', () => {
        hovered = i;
        redraw();
      });
      button.addEventListener('blur', () => {
        hovered = -1;
        redraw();
      });
      item.append(button);
      return item;
    });
    legend!.replaceChildren(...items);
  }

  const onKey = (event: KeyboardEvent): void => {
    const current = selected();
    const last = selectable().length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => current + 1,
      ArrowRight: () => current + 1,
      ArrowUp: () => (current < 0 ? last : current - 1),
      ArrowLeft: () => (current < 0 ? last : current - 1),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(move());
    } else if ((event.key === 'Enter' || event.key === ' ') && current >= 0) {
      event.preventDefault();
      jumpTo(current);
    } else if (event.key === 'Escape') {
      clearSelection();
    }
  };
  const onFocus = (): void => select(Math.max(0, selected()));
  const onBlur = (): void => placeTip();
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('blur', onBlur);
  canvas.addEventListener('mouseleave', () => {
    hovered = -1;
    redraw();
  });

  async function setView(next: ChartKind): Promise<void> {
    if (next === 'doughnut' && !doughnut) doughnut = await import('./vote-chart-doughnut');
    state.chart = next;
    for (const b of viewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === next));
    saveState();
    rebuild();
  }
  const onViewClick = (event: Event): void =>
    void setView((event.currentTarget as HTMLButtonElement).dataset.view as ChartKind);
  const onRemainder = (): void => {
    state.unlisted = remainderToggle!.checked;
    if (!state.unlisted && state.focus === remainderKey) state.focus = null;
    saveState();
    rebuild();
  };
  const onCopy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(location.href);
      live.textContent = 'Link to this view copied.';
    } catch {
      live.textContent = 'Could not copy; the address bar holds the link to this view.';
    }
  };
  const onCopyClick = (): void => void onCopy();

  // Sonification: its code and the AudioContext come only with the first press (never on load).
  const playButton = host.querySelector<HTMLButtonElement>('button[data-play]');
  let performance: Performance | undefined;
  const showPlaying = (playing: boolean): void => {
    playButton!.textContent = playing ? 'Stop' : 'Play';
    playButton!.setAttribute('aria-label', playing ? 'Stop playing the ranking' : 'Play the ranking as tones');
  };
  const onPlay = async (): Promise<void> => {
    if (performance) return performance.stop();
    const { playRanking } = await import('./vote-chart-sonify');
    if (performance || !host.isConnected) return;
    showPlaying(true);
    performance = playRanking(selectable(), data.axisMax, {
      announce: (text) => (live.textContent = text),
      onEnd: () => {
        performance = undefined;
        showPlaying(false);
      },
    });
  };
  const onPlayClick = (): void => void onPlay();
  // The embed code sits below the figure; without JavaScript the reader selects it in its textarea.
  const embedCode = host.closest('figure')?.querySelector<HTMLTextAreaElement>('textarea[data-embed-code]');
  const embedButton = host.closest('figure')?.querySelector<HTMLButtonElement>('button[data-copy-embed]');
  const onCopyEmbed = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(embedCode!.value);
      live.textContent = 'Embed code copied.';
    } catch {
      embedCode!.select();
      live.textContent = 'Could not copy; the embed code is selected, copy it with your keyboard.';
    }
  };
  const onCopyEmbedClick = (): void => void onCopyEmbed();

  // Theme: the theme script sets html[data-theme]; without a stored choice the OS decides.
  const recolour = (): void => {
    colours = readColours(host, forcedColours.matches);
    rebuild();
  };
  const themeObserver = new MutationObserver(recolour);
  themeObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'class', 'style'],
  });
  darkScheme.addEventListener('change', recolour);
  forcedColours.addEventListener('change', recolour);
  reducedMotion.addEventListener('change', rebuild);

  if (remainderToggle) remainderToggle.checked = state.unlisted;
  saveState();
  if (state.chart === 'doughnut') await setView('doughnut');
  else if (!state.unlisted) rebuild();
  else redraw();
  for (const b of viewButtons) {
    b.setAttribute('aria-pressed', String(b.dataset.view === state.chart));
    b.addEventListener('click', onViewClick);
    b.disabled = false;
  }
  remainderToggle?.addEventListener('change', onRemainder);
  copyButton?.addEventListener('click', onCopyClick);
  playButton?.addEventListener('click', onPlayClick);
  if (playButton) playButton.disabled = false;
  if (embedCode) embedButton?.addEventListener('click', onCopyEmbedClick);
  for (const control of [remainderToggle, copyButton, embedCode && embedButton]) if (control) control.disabled = false;
  host.dataset.ready = '';

  return {
    get chart() {
      return chart;
    },
    destroy() {
      themeObserver.disconnect();
      darkScheme.removeEventListener('change', recolour);
      forcedColours.removeEventListener('change', recolour);
      reducedMotion.removeEventListener('change', rebuild);
      // The canvas and its listeners go with the frame.
      for (const b of viewButtons) {
        b.removeEventListener('click', onViewClick);
        b.disabled = true;
      }
      remainderToggle?.removeEventListener('change', onRemainder);
      copyButton?.removeEventListener('click', onCopyClick);
      performance?.stop();
      playButton?.removeEventListener('click', onPlayClick);
      if (playButton) playButton.disabled = true;
      embedButton?.removeEventListener('click', onCopyEmbedClick);
      for (const control of [remainderToggle, copyButton, embedButton]) if (control) control.disabled = true;
      chart.destroy();
      frame.remove();
      legend.hidden = true;
      legend.replaceChildren();
      svg?.classList.remove('vote-chart__svg--covered');
      delete host.dataset.ready;
    },
  };
}
