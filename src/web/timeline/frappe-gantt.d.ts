/** The part of frappe-gantt 1.2 that the timeline uses; the package ships no types. */
declare module 'frappe-gantt' {
  export interface GanttTask {
    id: string;
    /** Written into the SVG as HTML: escape it. */
    name: string;
    /** 'YYYY-MM-DD'; an end without a time means the whole of that day. */
    start: string;
    end: string;
    progress?: number;
    /** One class name: the library adds it with `classList.add`, which refuses spaces. */
    custom_class?: string;
    dependencies?: string;
  }

  export type GanttViewModeName = 'Hour' | 'Quarter Day' | 'Half Day' | 'Day' | 'Week' | 'Month' | 'Year';

  export interface GanttOptions {
    view_mode?: GanttViewModeName;
    view_modes?: GanttViewModeName[];
    language?: string;
    readonly?: boolean;
    popup?: false;
    today_button?: boolean;
    view_mode_select?: boolean;
    infinite_padding?: boolean;
    scroll_to?: 'today' | 'start' | 'end' | string;
    bar_height?: number;
    bar_corner_radius?: number;
    padding?: number;
    column_width?: number;
    container_height?: number | 'auto';
    upper_header_height?: number;
    lower_header_height?: number;
    lines?: 'none' | 'vertical' | 'horizontal' | 'both';
    holidays?: Record<string, unknown>;
  }

  export default class Gantt {
    constructor(wrapper: HTMLElement | string, tasks: GanttTask[], options?: GanttOptions);
    change_view_mode(mode?: GanttViewModeName, maintainPosition?: boolean): void;
    refresh(tasks: GanttTask[]): void;
    scroll_current(): void;
  }
}
