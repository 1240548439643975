// <indicator-chart>: one indicator across districts and quarters, as grouped bars (ECharts, bundled).
// The server sends the data as JSON in `dataJson`; the chart redraws when it changes. A click on a bar
// (anywhere in a district's column) reports the district as `bar-click` {index}, the category's index; the
// selected category stands out.
import { LitElement, css, html, type PropertyValues } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { emit } from './events.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface ChartData {
  unit: string;
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  presentation?: boolean;
  /** Index of the selected category (district), or null: the others are drawn faded. */
  selected?: number | null;
}

/** Quarters from light to dark: the latest stands out, and the order reads without colour. */
const QUARTER_COLOURS = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'];

export class IndicatorChart extends LitElement {
  static override properties = { dataJson: { type: String, attribute: false } };
  static override styles = css`
    :host { display: block; width: 100%; height: 300px; }
    #chart { width: 100%; height: 100%; }
  `;

  dataJson = '';
  private chart?: echarts.ECharts;
  private data?: ChartData;
  private resizeObserver?: ResizeObserver;

  override render() {
    return html`<div id="chart"></div>`;
  }

  override firstUpdated() {
    this.attach();
  }

  /** Put back into the page after being taken out (Vaadin re-shows a view so): the chart is built again. */
  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) {
      this.attach();
    }
  }

  private attach() {
    const target = this.renderRoot.querySelector<HTMLElement>('#chart');
    if (!target) {
      return;
    }
    this.chart = echarts.init(target, undefined, { renderer: 'canvas' });
    this.resizeObserver ??= new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    // A click anywhere in a district's column (its bars or the gaps between them) chooses that district.
    this.chart.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!this.chart || !this.chart.containPixel({ gridIndex: 0 }, point)) {
        return;
      }
      const category = (this.chart.convertFromPixel({ gridIndex: 0 }, point) as number[])[0];
      const index = category === undefined ? -1 : Math.round(category);
      if (index >= 0 && index < (this.data?.categories.length ?? 0)) {
        emit(this, 'bar-click', { index });
      }
    });
    this.draw();
  }

  override updated(changed: PropertyValues) {
    if (changed.has('dataJson') && this.chart) {
      this.draw();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  /**
   * Where the middle of a category's bar (of the latest quarter) is drawn, in CSS pixels from the element's
   * top left, or null when it has no bar there (for tests and tools).
   */
  barPixel(index: number): number[] | null {
    const last = (this.data?.series.length ?? 0) - 1;
    const value = this.data?.series[last]?.data[index];
    if (!this.chart || value == null || value === 0) {
      return null;
    }
    const pixel = this.chart.convertToPixel({ seriesIndex: last }, [index, value / 2]) as number[];
    return pixel ?? null;
  }

  private draw() {
    let data: ChartData;
    try {
      data = JSON.parse(this.dataJson) as ChartData;
    } catch {
      return;
    }
    this.data = data;
    const font = data.presentation ? 18 : 12;
    this.chart?.setOption({
      animation: false,
      textStyle: { fontSize: font },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v ?? '-'} ${data.unit}` },
      legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 16, top: 36, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: 30, fontSize: font } },
      yAxis: { type: 'value', name: data.unit, axisLabel: { fontSize: font } },
      series: data.series.map((s, i) => ({
        type: 'bar', name: s.name, itemStyle: { color: QUARTER_COLOURS[i % 4] },
        data: s.data.map((value, index) => ({
          value, itemStyle: { opacity: data.selected == null || data.selected === index ? 1 : 0.3 },
        })),
      })),
    }, true);
  }
}

customElements.define('indicator-chart', IndicatorChart);
