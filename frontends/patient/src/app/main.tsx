import { StatusPanel, mountApp } from "@illajwala/ui";

mountApp("Illajwala", <StatusPanel />);
