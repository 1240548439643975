package org.jiuquan.grassroots.dashboard;

import java.time.Clock;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jiuquan.grassroots.basemap.BaseLayerService;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.drilldown.DrillDownService;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.map.MapStyleService;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jiuquan.grassroots.snapshot.BookmarkService;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.snapshot.SnapshotExportService;
import org.springframework.stereotype.Component;

/** The services the dashboard and its parts read and change data through, injected as one. */
@Component
record DashboardServices(IndicatorService indicators, MapStyleService styles, OrganisationService organisations,
                         DistrictService districts, BaseLayerService baseLayers, AuthenticationContext authentication,
                         SnapshotExportService snapshots, BookmarkService bookmarks, CurrentUser currentUser, Clock clock,
                         DrillDownService drillDown) {
}
