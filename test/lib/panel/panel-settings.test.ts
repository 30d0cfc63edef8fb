import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPanelSettings } from '../../../lib/panel/panel-settings';
import { activeDatasetItem, noticeCollapsedItem, panelCollapsedItem } from '../../../lib/settings/storage-items';

const EXTENSION_ID = fakeBrowser.runtime.id;

afterEach(() => {
  fakeBrowser.runtime.id = EXTENSION_ID;
});

describe('loadPanelSettings', () => {
  it('starts expanded, remembers a collapse, and hears one made in another tab', async () => {
    const settings = await loadPanelSettings();
    expect(settings.collapsed).toBe(false);
    const controller = new AbortController();
    const onCollapsed = vi.fn();
    settings.onCollapsedChange(onCollapsed, controller.signal);

    settings.setCollapsed(true);
    await vi.waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(true));
    await vi.waitFor(() => expect(onCollapsed).toHaveBeenLastCalledWith(true));
    expect((await loadPanelSettings()).collapsed).toBe(true);

    controller.abort();
    await panelCollapsedItem.setValue(false);
    expect(onCollapsed).toHaveBeenCalledTimes(1);
  });

  it('keeps the "no transcript" notice collapsed by default, apart from the panel, and remembers it opened', async () => {
    const settings = await loadPanelSettings();
    expect(settings.noticeCollapsed).toBe(true);
    const controller = new AbortController();
    const onNotice = vi.fn();
    settings.onNoticeCollapsedChange(onNotice, controller.signal);
    settings.setNoticeCollapsed(false);
    await vi.waitFor(() => expect(onNotice).toHaveBeenLastCalledWith(false));
    expect(await noticeCollapsedItem.getValue()).toBe(false);
    expect(await panelCollapsedItem.getValue()).toBe(false);
    const reloaded = await loadPanelSettings();
    expect([reloaded.noticeCollapsed, reloaded.collapsed]).toEqual([false, false]);
    controller.abort();
  });

  it('says when another dataset is switched in, until aborted', async () => {
    const settings = await loadPanelSettings();
    const controller = new AbortController();
    const onDataset = vi.fn();
    settings.onDatasetChange(onDataset, controller.signal);
    await activeDatasetItem.setValue({ id: 'dataset-2', importedAt: 2 });
    await vi.waitFor(() => expect(onDataset).toHaveBeenCalledTimes(1));
    controller.abort();
    await activeDatasetItem.setValue({ id: 'dataset-3', importedAt: 3 });
    expect(onDataset).toHaveBeenCalledTimes(1);
  });

  it('falls back to expanded, with the notice collapsed, when storage cannot be read', async () => {
    vi.spyOn(panelCollapsedItem, 'getValue').mockRejectedValue(new Error('Extension context invalidated.'));
    vi.spyOn(noticeCollapsedItem, 'getValue').mockRejectedValue(new Error('Extension context invalidated.'));
    const settings = await loadPanelSettings();
    expect([settings.collapsed, settings.noticeCollapsed]).toEqual([false, true]);
  });

  it('hears nothing through a signal aborted from the start', async () => {
    const settings = await loadPanelSettings();
    const controller = new AbortController();
    controller.abort();
    const onCollapsed = vi.fn();
    const onDataset = vi.fn();
    settings.onCollapsedChange(onCollapsed, controller.signal);
    settings.onDatasetChange(onDataset, controller.signal);
    await panelCollapsedItem.setValue(true);
    await activeDatasetItem.setValue({ id: 'dataset-4', importedAt: 4 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([onCollapsed.mock.calls, onDataset.mock.calls]).toEqual([[], []]);
  });

  it('does nothing, and throws nothing, once the extension is gone', async () => {
    const settings = await loadPanelSettings();
    const controller = new AbortController();
    settings.onCollapsedChange(vi.fn(), controller.signal);
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(() => {
      settings.setCollapsed(true);
      settings.onDatasetChange(vi.fn(), new AbortController().signal);
      controller.abort();
    }).not.toThrow();
    expect((await loadPanelSettings()).collapsed).toBe(false);
  });
});
