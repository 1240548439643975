// <indicator-chart>: one indicator across districts and quarters, as grouped bars (ECharts, bundled).
// The server sends the data as JSON in `dataJson`; the chart redraws when it changes.
import { LitElement, css, html, type PropertyValues } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface ChartData {
  unit: string;
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  presentation?: boolean;
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
  private resizeObserver?: ResizeObserver;

  override render() {
    return html`<div id="chart"></div>`;
  }

  override firstUpdated() {
    this.chart = echarts.init(this.renderRoot.querySelector('#chart') as HTMLElement, undefined, { renderer: 'canvas' });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
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

  private draw() {
    let data: ChartData;
    try {
      data = JSON.parse(this.dataJson) as ChartData;
    } catch {
      return;
    }
    const font = data.presentation ? 18 : 12;
    this.chart?.setOption({
      animation: false,
      textStyle: { fontSize: font },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v ?? '-'} ${data.unit}` },
      legend: { top: 0, textStyle: { fontSize: font } },
      grid: { left: 8, right: 16, top: 36, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: 30, fontSize: font } },
      yAxis: { type: 'value', name: data.unit, axisLabel: { fontSize: font } },
      series: data.series.map((s, i) => ({ type: 'bar', name: s.name, data: s.data, itemStyle: { color: QUARTER_COLOURS[i % 4] } })),
    }, true);
  }
}

customElements.define('indicator-chart', IndicatorChart);
