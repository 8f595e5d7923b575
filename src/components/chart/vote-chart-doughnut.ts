/**
 * The doughnut view, fetched by the island the first time a reader (or the
 * URL) asks for it, so the bar view's bytes stay small. The ring always adds
 * up to 100% of votes: a hidden "Not listed" stays as an empty, dashed arc,
 * and the centre then says how much of the vote is drawn.
 */
import { ArcElement, Chart, DoughnutController, type ArcElement as Arc, type ChartConfiguration } from 'chart.js';
import type { DoughnutContext } from './vote-chart-island';

Chart.register(DoughnutController, ArcElement);

export type DoughnutParts = typeof import('./vote-chart-doughnut');

function arcPath(ctx: CanvasRenderingContext2D, arc: Arc): void {
  // A drawn arc's geometry is always set; the type allows null only before layout.
  const { x, y, startAngle, endAngle, innerRadius, outerRadius } = arc.getProps(
    ['x', 'y', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'],
    true,
  ) as Record<'x' | 'y' | 'startAngle' | 'endAngle' | 'innerRadius' | 'outerRadius', number>;
  ctx.beginPath();
  ctx.arc(x, y, outerRadius, startAngle, endAngle);
  ctx.arc(x, y, innerRadius, endAngle, startAngle, true);
  ctx.closePath();
}

export function config(c: DoughnutContext): ChartConfiguration<'doughnut'> {
  const empty = (i: number) => !c.showRemainder && !!c.rows[i]?.remainder;
  return {
    type: 'doughnut',
    data: {
      labels: c.rows.map((r) => r.name),
      datasets: [
        {
          data: c.rows.map((r) => r.value),
          backgroundColor: c.rows.map((r, i) => (empty(i) ? 'transparent' : r.colour)),
          hoverBackgroundColor: c.rows.map((r, i) => (empty(i) ? 'transparent' : r.colour)),
          borderColor: c.colours.bg,
          hoverBorderColor: c.colours.bg,
          borderWidth: 2,
          hoverOffset: 0,
        },
      ],
    },
    options: {
      cutout: '58%',
      layout: { padding: 16 },
      interaction: { mode: 'nearest', intersect: true },
    },
    plugins: [
      {
        id: 'voteChartDoughnut',
        afterDatasetsDraw(chart) {
          const { ctx } = chart;
          const arcs = chart.getDatasetMeta(0).data as Arc[];
          ctx.save();
          ctx.strokeStyle = c.colours.textMuted;
          ctx.lineWidth = 1.5;
          ctx.setLineDash([4, 3]);
          arcs.forEach((arc, i) => {
            if (!empty(i)) return;
            arcPath(ctx, arc);
            ctx.stroke();
          });
          ctx.setLineDash([]);
          const index = c.highlighted();
          const active = arcs[index];
          if (active) {
            ctx.strokeStyle = c.colours.text;
            ctx.lineWidth = 3;
            arcPath(ctx, active);
            ctx.stroke();
          }
          const centre = arcs[0]?.getProps(['x', 'y'], true) as { x: number; y: number } | undefined;
          const row = c.rows[index];
          const [big, small] = row
            ? [row.share, row.name]
            : c.showRemainder
              ? [c.rows[0]?.share ?? '', c.rows[0]?.name ?? '']
              : [c.listedShare, 'of votes shown'];
          if (centre) {
            ctx.fillStyle = c.colours.text;
            ctx.textAlign = 'center';
            ctx.font = `700 28px ${c.font}`;
            ctx.fillText(big, centre.x, centre.y);
            ctx.font = `15px ${c.font}`;
            ctx.fillText(small, centre.x, centre.y + 24);
          }
          ctx.restore();
        },
      },
    ],
  };
}
