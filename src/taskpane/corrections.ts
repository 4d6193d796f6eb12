/**
 * The user's corrections of the detected mapping ("this region is the 三公 table", "this is no budget table"),
 * made in 校验 and used by every tab that reads the tables (生成说明 too), for the workbook they were made on.
 */
import type { MappingOverride } from '../core/detect';

export class MappingCorrections {
  private workbookId?: string;
  private overrides: MappingOverride[] = [];

  /** The corrections in force for this workbook (校验 sets them with every change). */
  set(workbookId: string | undefined, overrides: MappingOverride[]): void {
    this.workbookId = workbookId;
    this.overrides = overrides;
  }

  /** The corrections made on this workbook; none for another one (they would hide its tables). */
  for(workbookId: string | undefined): MappingOverride[] {
    return workbookId === this.workbookId ? this.overrides : [];
  }
}
