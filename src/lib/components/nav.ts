// One entry of the main navigation (UI vocabulary), shared by the layout and AppNav.
export interface NavItem {
	readonly href: string;
	readonly label: string;
	/** A count shown beside the label (the Sync queue, S2); hidden when 0. */
	readonly badge?: number;
}
